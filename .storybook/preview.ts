import { getCustomElements, setCustomElementsManifest } from '@storybook/web-components';
import type { ArgTypesEnhancer, Preview, WebComponentsRenderer } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import customElementsManifest from 'lk-widgets/custom-elements.json';
import { startStoryWorker } from './mock-backend.js';

/**
 * The controls and the docs tables come from the custom-elements manifest,
 * the same description of the elements the README's tables and the framework
 * types are made from: each story's `component` tag finds its attributes,
 * properties, events, custom properties and parts there.
 */
setCustomElementsManifest(customElementsManifest);

/** A member of a manifest class, as far as the controls need it. */
interface ManifestMember {
  name: string;
  attribute?: string;
  readonly?: boolean;
  static?: boolean;
}

/** The manifest's class of `tag`. */
function declarationOf(tag: unknown): { members?: ManifestMember[] } | undefined {
  const manifest = getCustomElements() as { modules?: { declarations?: { tagName?: string; members?: ManifestMember[] }[] }[] } | undefined;
  if (typeof tag !== 'string') return undefined;
  return manifest?.modules?.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === tag);
}

/** What a control can edit, from the manifest's TypeScript type text: `string | undefined` is a string (unset is no attribute). */
const PRIMITIVE = /^(string|number|boolean)(?:\s*\|\s*(?:undefined|null))*$/u;

/** The values of a union of string literals (`'bottom-end' | 'top-end'`, maybe `| undefined`), or undefined. */
function literalValues(typeText: string): string[] | undefined {
  const members = typeText
    .split('|')
    .map((member) => member.trim())
    .filter((member) => member !== 'undefined' && member !== 'null');
  const values = members.map((member) => /^'([^']*)'$|^"([^"]*)"$/u.exec(member)).map((match) => match?.[1] ?? match?.[2]);
  return values.length > 0 && values.every((value) => value !== undefined) ? (values as string[]) : undefined;
}

/**
 * Storybook names each argType's type by the manifest's type text as it is
 * (`string | undefined`), which it cannot match to a control, so it would
 * offer a JSON editor. This turns the primitive ones into the types Storybook
 * knows, so attributes get text, number and checkbox controls, and a union of
 * string literals (`placement`) a choice of its values; what is no
 * primitive (a `Clock`, a `Client`), a read-only property (the element's
 * state) and a property that mirrors an attribute (the attribute's row has
 * the control; the stories' args are attributes) get none, nor do events,
 * custom properties and parts. The elements render into the page's DOM, so
 * their parts are CSS parts, not shadow parts.
 */
const manifestControls: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes, component }) => {
  const members = new Map((declarationOf(component)?.members ?? []).map((member) => [member.name, member]));
  return Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      // Only attributes and properties are args a story's render sets: events, custom properties and parts are documented, not edited.
      if (category === 'css shadow parts') return [name, { ...argType, control: false as const, table: { ...argType.table, category: 'css parts' } }];
      if (category === 'events' || category === 'css custom properties') return [name, { ...argType, control: false as const }];
      if (category !== 'attributes' && category !== 'properties') return [name, argType];
      const typeName = argType.type && 'name' in argType.type ? String(argType.type.name) : '';
      const primitive = PRIMITIVE.exec(typeName)?.[1] as 'string' | 'number' | 'boolean' | undefined;
      const values = literalValues(typeName);
      const type = primitive ? { name: primitive } : values ? { name: 'enum' as const, value: values } : argType.type;
      const member = category === 'properties' ? members.get(name) : undefined;
      const editable = (primitive !== undefined || values !== undefined) && !member?.readonly && !member?.static && member?.attribute === undefined;
      return [name, { ...argType, type, ...(editable ? {} : { control: false as const }) }];
    }),
  );
};

/**
 * msw-storybook-addon 3 with CSF 3: there is no `initialize()` any more; the
 * loader starts the worker once (through the set-up function given to it)
 * and hands it to every story as `context.msw`. Stories add their handlers in
 * `beforeEach({msw})` (see mock-backend.ts). Storybook's pages have no
 * Content-Security-Policy, so no Trusted Types policy is needed for the worker.
 */
const preview: Preview = {
  loaders: [mswLoader(startStoryWorker)],
  tags: ['autodocs'],
  argTypesEnhancers: [manifestControls],
  // Every story's `api-base` arg names its own mock backend (mock-backend.ts):
  // shown with the manifest's words, but not to be edited.
  argTypes: { 'api-base': { control: false } },
  parameters: {
    controls: { expanded: true },
    docs: { toc: false },
  },
};

export default preview;
