// PLACEHOLDER (issue 11, in progress): this area's exports for other domains (home tiles).
export {};
