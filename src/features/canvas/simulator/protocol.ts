/**
 * Messages between the canvas and the simulation worker. A run streams new
 * time-series points as it goes; the canvas keeps the whole series.
 */
import type { Design } from '../../../domain/diagram/schema.ts';
import type { FaultInput, SimulationOptionsInput } from '../../../domain/simulator/options.ts';
import type { SimulationResult } from '../../../domain/simulator/report.ts';
import type { Series } from '../../../domain/simulator/meter.ts';

/** Simulated seconds per wall-clock second; Infinity runs as fast as the worker can. */
export type Speed = number;

export type ToWorker =
  | { type: 'start'; runId: number; design: Design; options: SimulationOptionsInput; speed: Speed }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'speed'; speed: Speed }
  | { type: 'inject'; runId: number; faultId: number; fault: FaultInput }
  | { type: 'lift'; runId: number; faultId: number }
  | { type: 'stop' };

export interface RunShape {
  durationS: number;
  flows: { id: string; name: string; rateRps: number }[];
  components: { id: string; name: string }[];
  connections: { id: string; source: string; target: string }[];
}

export type FromWorker =
  | ({ type: 'started'; runId: number } & RunShape)
  | { type: 'progress'; runId: number; timeS: number; points: Series }
  | { type: 'done'; runId: number; result: Omit<SimulationResult, 'series'> }
  | { type: 'error'; runId: number; message: string };
