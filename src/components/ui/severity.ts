/** How severities look everywhere: a label, an icon and colours (never colour alone). */
import { CircleAlert, Info, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { Severity } from '../../domain/rules/types.ts';

export const SEVERITY_META: Record<Severity, { label: string; plural: string; icon: LucideIcon; text: string; chip: string }> = {
  error: {
    label: 'Error',
    plural: 'errors',
    icon: CircleAlert,
    text: 'text-red-700 dark:text-red-400',
    chip: 'bg-red-100 text-red-800 border-red-300 dark:bg-red-950 dark:text-red-200 dark:border-red-800',
  },
  warning: {
    label: 'Warning',
    plural: 'warnings',
    icon: TriangleAlert,
    text: 'text-amber-700 dark:text-amber-400',
    chip: 'bg-amber-100 text-amber-900 border-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:border-amber-800',
  },
  info: {
    label: 'Note',
    plural: 'notes',
    icon: Info,
    text: 'text-sky-700 dark:text-sky-400',
    chip: 'bg-sky-100 text-sky-800 border-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:border-sky-800',
  },
};

export function countLabel(count: number, severity: Severity): string {
  const meta = SEVERITY_META[severity];
  return `${count} ${count === 1 ? meta.label.toLowerCase() : meta.plural}`;
}
