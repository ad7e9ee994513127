import { createContext } from 'react';
import type { Capability } from '../../domain/rubric/problem.ts';

export const NO_CAPABILITIES: readonly Capability[] = [];

/** The capabilities the current problem expects, offered in the inspector. */
export const CapabilitiesContext = createContext<readonly Capability[]>(NO_CAPABILITIES);
