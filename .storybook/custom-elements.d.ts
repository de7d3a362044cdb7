/**
 * The custom-elements manifest as preview.ts imports it (main.ts aliases the
 * name to dist/custom-elements.json). Declared here so the type-check does
 * not need the file, which only `npm run manifest` writes.
 */
declare module 'lk-widgets/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
