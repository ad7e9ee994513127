/**
 * zod compiles fast object parsers with `new Function` when it may, and finds
 * out whether it may by trying once. Under the app's Content-Security-Policy
 * (no 'unsafe-eval') that try is refused and reported as a policy violation
 * on every page load, so the browser build tells zod never to try. Imported
 * first by main.tsx: zod decides when each object schema is created.
 */
import { z } from 'zod';

z.config({ jitless: true });
