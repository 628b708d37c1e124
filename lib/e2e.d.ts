/** True only in the end-to-end build (BACKSTORY_E2E=1); dead code elsewhere. */
declare const __E2E__: boolean;
