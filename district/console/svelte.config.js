// Runes everywhere: no legacy Svelte 4 component syntax in these screens.
export default { compilerOptions: { runes: true } };
