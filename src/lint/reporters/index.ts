export const formats = ['stylish', 'json', 'github', 'sarif'] as const;
export type Format = (typeof formats)[number];
