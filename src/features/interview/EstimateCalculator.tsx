import { useMemo } from 'react';
import { estimateCapacity, ESTIMATE_FIELD_LABELS, type EstimateField, type EstimateInput } from '../../domain/interview/estimates.ts';

const FIELDS: { field: EstimateField; placeholder: string }[] = [
  { field: 'dailyActiveUsers', placeholder: '10000000' },
  { field: 'requestsPerUserPerDay', placeholder: '20' },
  { field: 'peakToAverage', placeholder: '3' },
  { field: 'writesPerUserPerDay', placeholder: '2' },
  { field: 'bytesPerWrite', placeholder: '1000' },
  { field: 'bytesPerResponse', placeholder: '5000' },
  { field: 'retentionYears', placeholder: '5' },
];

const LINES = [
  ['averageRequestsPerSecond', 'Average requests'],
  ['peakRequestsPerSecond', 'Peak requests'],
  ['writesPerSecond', 'Writes'],
  ['storagePerYear', 'Storage per year'],
  ['storageOverRetention', 'Storage over retention'],
  ['bandwidthOutAverage', 'Bandwidth out (average)'],
  ['bandwidthOutPeak', 'Bandwidth out (peak)'],
] as const;

/** Back-of-the-envelope numbers from a few inputs, each result with its arithmetic. */
export function EstimateCalculator({ values, onChange }: { values: Record<string, string>; onChange(field: string, value: string): void }) {
  const filled = FIELDS.every(({ field }) => (values[field] ?? '').trim() !== '');
  const result = useMemo(() => {
    if (!filled) return null;
    const input = Object.fromEntries(FIELDS.map(({ field }) => [field, Number((values[field] ?? '').replace(/[,_\s]/g, ''))])) as unknown as EstimateInput;
    return estimateCapacity(input);
  }, [values, filled]);
  const errors = new Map(result && !result.ok ? result.errors.map((e) => [e.field, e.message]) : []);
  return (
    <section aria-labelledby="calculator-title" className="space-y-2">
      <h3 id="calculator-title" className="text-sm font-semibold">
        Back-of-the-envelope calculator
      </h3>
      <div className="grid grid-cols-2 gap-2">
        {FIELDS.map(({ field, placeholder }) => (
          <label key={field} className="text-xs">
            <span className="mb-0.5 block text-slate-600 dark:text-slate-300">{ESTIMATE_FIELD_LABELS[field]}</span>
            <input
              inputMode="decimal"
              value={values[field] ?? ''}
              placeholder={placeholder}
              aria-invalid={errors.has(field)}
              onChange={(e) => onChange(field, e.target.value)}
              className="w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
            />
            {errors.has(field) && <span className="text-red-700 dark:text-red-400">{errors.get(field)}</span>}
          </label>
        ))}
      </div>
      {!filled && <p className="text-xs text-slate-500 dark:text-slate-400">Fill in every field to see the numbers and how they are worked out.</p>}
      {result?.ok && (
        <>
          <dl aria-label="Estimates" className="space-y-1.5 text-xs">
            {LINES.map(([key, label]) => {
              const line = result.estimate[key];
              return (
                <div key={key} className="rounded bg-slate-50 p-1.5 dark:bg-slate-800">
                  <dt className="font-medium">
                    {label}: {line.display}
                    {'bitsDisplay' in line ? ` (${line.bitsDisplay})` : ''}
                  </dt>
                  <dd className="text-slate-600 dark:text-slate-300">{line.arithmetic}</dd>
                </div>
              );
            })}
          </dl>
          <p className="text-xs text-slate-500 dark:text-slate-400">{result.estimate.units}</p>
        </>
      )}
    </section>
  );
}
