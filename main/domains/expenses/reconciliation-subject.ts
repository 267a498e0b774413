// PLACEHOLDER (foundation): reconciliations as subjects of the approval engine register here.
export {};
