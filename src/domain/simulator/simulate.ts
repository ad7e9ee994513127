/**
 * The simulator's entry points: `startSimulation` compiles a design and
 * returns a run to advance step by step (the canvas's worker does that), and
 * `simulate` runs it to the end and reports (the command line and the tests).
 */
import type { Design } from '../diagram/schema.ts';
import { compile } from './compile.ts';
import { Simulation } from './engine.ts';
import { SimulationOptions, type SimulationOptionsInput } from './options.ts';
import { report, type SimulationResult } from './report.ts';

export type Started = { ok: true; simulation: Simulation; options: SimulationOptions } | { ok: false; message: string };

export function startSimulation(design: Design, input: SimulationOptionsInput = {}): Started {
  const parsed = SimulationOptions.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `Simulation option ${issue.path.join('.') || '(options)'}: ${issue.message}` };
  }
  const compiled = compile(design, parsed.data);
  if (!compiled.ok) return compiled;
  return { ok: true, simulation: new Simulation(compiled.model, parsed.data), options: parsed.data };
}

export function simulate(design: Design, input: SimulationOptionsInput = {}): { ok: true; result: SimulationResult } | { ok: false; message: string } {
  const started = startSimulation(design, input);
  if (!started.ok) return started;
  started.simulation.run();
  return { ok: true, result: report(started.simulation) };
}
