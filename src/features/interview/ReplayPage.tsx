import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { plural } from '../../components/ui/plural.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { phaseLabel } from '../../domain/interview/phases.ts';
import type { InterviewRecord } from '../../storage/interview-storage.ts';
import { clock } from './format.ts';

/** How the design grew during a session: one snapshot per structural edit, on a slider. */
export function ReplayPage({ record, problemTitle, snapshots, preview }: {
  record: InterviewRecord;
  problemTitle: string;
  snapshots: ReadonlyMap<string, Design>;
  preview(design: Design, label: string): ReactNode;
}) {
  const steps = record.session.snapshots.filter((s) => snapshots.has(s.snapshotId));
  const [index, setIndex] = useState(Math.max(0, steps.length - 1));
  const step = steps[index];
  const design = step ? snapshots.get(step.snapshotId) : undefined;
  return (
    <main id="main" className="flex min-h-0 flex-1 flex-col">
      <div className="space-y-2 border-b border-slate-200 p-4 dark:border-slate-800">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold">Replay: {problemTitle}</h1>
          <Link to={`/interview/${record.session.id}/scorecard`} className="text-sm text-blue-800 underline dark:text-blue-300">
            Back to the scorecard
          </Link>
        </div>
        {steps.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">Nothing was drawn during this session.</p>
        ) : (
          <>
            <label className="flex items-center gap-3 text-sm">
              <span className="shrink-0 font-medium">Snapshot</span>
              <input
                type="range"
                min={1}
                max={steps.length}
                value={index + 1}
                onChange={(e) => setIndex(Number(e.target.value) - 1)}
                aria-valuetext={step ? `Snapshot ${index + 1} of ${steps.length}, ${clock(step.at - record.session.startedAt)} into the session` : undefined}
                className="w-full max-w-xl"
              />
            </label>
            {step && design && (
              <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
                Snapshot {index + 1} of {steps.length} · {clock(step.at - record.session.startedAt)} into the session · {phaseLabel(step.phase)} · {plural(design.nodes.length, 'component')}, {plural(design.edges.length, 'connection')}
              </p>
            )}
          </>
        )}
      </div>
      <div className="relative min-h-[60vh] flex-1">
        {design && step && design.nodes.length + design.notes.length + design.groups.length > 0 ? (
          preview(design, `The design at snapshot ${index + 1}`)
        ) : (
          <div className="absolute inset-0 flex items-center justify-center p-6">
            <p className="max-w-sm rounded-xl border border-dashed border-slate-300 p-5 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
              {steps.length === 0
                ? 'Nothing was drawn during this session, so there is nothing to replay.'
                : 'The canvas was still empty at this point. Move the slider to a later snapshot to see the design grow.'}
            </p>
          </div>
        )}
      </div>
    </main>
  );
}
