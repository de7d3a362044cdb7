// The custom-elements manifest (custom-elements.json): every tag's
// attributes, properties, events, parts, custom properties and methods, read
// from the elements' JSDoc and Lit decorators. `npm run build` writes it into
// dist/; Storybook, the README's tables and the framework and editor types are
// made from it.

/**
 * Our entries register a tag with `define('lk-…', Class)` (base/define.ts),
 * which tolerates a second copy of the SDK, rather than with
 * `customElements.define`, which the analyzer knows by itself. This teaches it
 * ours: each call becomes the module's custom-element definition, so the
 * class gets its tag name.
 */
function defineCallsPlugin() {
  return {
    name: 'lk-widgets: define() calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      // The class is imported from its element's module: the definition names that module.
      const imported = context.imports?.find((entry) => entry.name === klass.text);
      const module = imported ? new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname.slice(1) : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } },
      ];
    },
  };
}

/**
 * What the analyzer cannot read from the decorators by itself:
 * `@property(hrefProperty('login-href'))` (base/safe-href.ts) declares the
 * attribute through a call, which this names; a `@state()` field is Lit's
 * internal reactive state (what a form holds as typed), not the element's
 * surface, so it is left out.
 */
function decoratorsPlugin() {
  return {
    name: 'lk-widgets: decorators',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const classDoc = moduleDoc.declarations?.find((declaration) => declaration.name === node.name.text);
      if (!classDoc) return;
      const internal = node.members.filter((member) => decoratorNames(ts, member).includes('state')).map((member) => member.name.getText());
      if (classDoc.members) classDoc.members = classDoc.members.filter((entry) => !internal.includes(entry.name));
      for (const member of node.members) {
        const attribute = hrefAttribute(ts, member);
        if (!attribute) continue;
        const name = member.name.getText();
        for (const entry of classDoc.attributes ?? []) if (entry.fieldName === name) entry.name = attribute;
        for (const entry of classDoc.members ?? []) if (entry.name === name) entry.attribute = attribute;
      }
    },
  };
}

function decoratorsOf(ts, member) {
  return ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
}

function decoratorNames(ts, member) {
  return decoratorsOf(ts, member).map(({ expression }) => (ts.isCallExpression(expression) ? expression.expression.getText() : expression.getText()));
}

function hrefAttribute(ts, member) {
  for (const decorator of decoratorsOf(ts, member)) {
    const call = decorator.expression;
    const inner = ts.isCallExpression(call) ? call.arguments[0] : undefined;
    if (!inner || !ts.isCallExpression(inner)) continue;
    if (ts.isIdentifier(inner.expression) && inner.expression.text === 'hrefProperty' && ts.isStringLiteral(inner.arguments[0])) {
      return inner.arguments[0].text;
    }
  }
  return undefined;
}

/**
 * The manifest is the public surface: what a page may use. Private and
 * protected members go, and so do the events the analyzer guesses from
 * `dispatchEvent(new LkXEvent(value))` (it takes the first argument for the
 * name): every event an element fires is declared with `@fires`, which gives
 * it a description.
 */
function publicSurfacePlugin() {
  return {
    name: 'lk-widgets: public surface only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) => !member.privacy && !member.name.startsWith('#') && !(member.static && member.name === 'styles'),
            );
          }
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
        }
      }
    },
  };
}

/**
 * A default written as a module constant (`param = DEFAULT_CONFIRM_PARAM`)
 * comes out of the analyzer as the constant's name, without a type: no page
 * author can read `DEFAULT_CONFIRM_PARAM`. When the constant is one of the
 * analysed modules' exported variables, its value (`'lk-confirm'`) and type
 * take the name's place.
 */
function constantDefaultsPlugin() {
  return {
    name: 'lk-widgets: constant defaults',
    packageLinkPhase({ customElementsManifest }) {
      const constants = new Map();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'variable' || declaration.default === undefined) continue;
          // A name two modules define differently is left as it is.
          const known = constants.get(declaration.name);
          constants.set(declaration.name, known && known.default !== declaration.default ? null : declaration);
        }
      }
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const entry of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
            const constant = constants.get(entry.default);
            if (!constant) continue;
            entry.default = constant.default;
            if (!entry.type && constant.type) entry.type = { ...constant.type };
          }
        }
      }
    },
  };
}

/**
 * A type named by an alias of string literals (`placement: HintPlacement`)
 * comes out as the alias's name, which says nothing to a page author, an
 * editor or Storybook's controls; the values (`'bottom-end' | 'bottom-start'
 * | …`) do. Each such alias the analysed modules declare takes its name's
 * place in the types of the classes' attributes and members.
 */
function literalUnionAliasesPlugin() {
  const aliases = new Map();
  return {
    name: 'lk-widgets: string literal unions',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      const members = node.type.types;
      if (!members.every((member) => ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal))) return;
      const union = members.map((member) => `'${member.literal.text}'`).join(' | ');
      // A name two modules give different values is left as it is.
      const known = aliases.get(node.name.text);
      aliases.set(node.name.text, known !== undefined && known !== union ? null : union);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const entry of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
            if (!entry.type?.text) continue;
            entry.type.text = entry.type.text.replace(/\b[A-Za-z_]\w*\b/gu, (name) => aliases.get(name) ?? name);
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts', 'src/entries/*.ts'],
  exclude: ['src/elements/**/*.messages*.ts', 'src/elements/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [defineCallsPlugin(), decoratorsPlugin(), constantDefaultsPlugin(), literalUnionAliasesPlugin(), publicSurfacePlugin()],
};
