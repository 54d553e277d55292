// `npm run cycles` (part of `npm run check`): no import cycle in shared/, the hub or the screens.
// Type-only imports count too: a cycle of types is still two files that cannot be read apart (in
// .svelte files only value imports are seen: they are read as Svelte compiles them, types erased).
// '@yichuang/shared/*' resolves to shared/src through tsconfig.cycles.json, as the screens' Vite
// config and vitest resolve it, so a cycle through shared/ would be seen from either side.
export default {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Import cycles: move what both sides need into a leaf file that imports neither.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.cycles.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte'] },
  },
};
