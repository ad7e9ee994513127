import { createInterviewSession } from '../../domain/interview/session-clock.ts';
import type { SessionDuration } from '../../domain/interview/phases.ts';
import { saveInterview } from '../../storage/interview-storage.ts';
import { newDesignId, saveNewDesign } from '../../storage/library.ts';

/** Creates the session and the design drawn in it; resolves to the session id or an error message. */
export async function startInterview(problem: { id: string; title: string }, durationMinutes: SessionDuration): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const design = await saveNewDesign(`Interview: ${problem.title}`, problem.id);
  if (!design.ok) return { ok: false, message: design.message };
  const session = createInterviewSession({ id: `i-${newDesignId().slice(2)}`, problemId: problem.id, durationMinutes, now: Date.now() });
  const saved = await saveInterview({ session, designId: design.design.id, notes: { checked: [], calculator: {}, text: '' } });
  return saved.ok ? { ok: true, id: session.id } : { ok: false, message: saved.message };
}
