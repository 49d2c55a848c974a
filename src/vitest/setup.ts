// Placeholder: the vitest matchers register themselves here (owned by the vitest capability).
export {};
