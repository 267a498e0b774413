// PLACEHOLDER (foundation): cash advances as subjects of the approval engine register here.
export {};
