import type { JSONOutput } from "typedoc";
import { escapeHtml } from "../render/escape.ts";

// A type as the reader would write it in TypeScript, as HTML, with named types linked to their
// place in the reference. Covers typedoc's type kinds; anything exotic falls back to its name.

/** Turns a typedoc id into a link from the current page, if the reference shows it. */
export type LinkTo = (id: number) => string | undefined;

/** Renders a type; `link` resolves references to declarations of the reference. */
export function typeHtml(type: JSONOutput.SomeType | undefined, link: LinkTo): string {
  if (!type) return "unknown";
  const t = (inner: JSONOutput.SomeType | undefined) => typeHtml(inner, link);
  // Types that need parentheses inside an array or a union.
  const wrap = (inner: JSONOutput.SomeType) =>
    ["union", "intersection", "conditional"].includes(inner.type) || isFunction(inner)
      ? `(${t(inner)})`
      : t(inner);
  switch (type.type) {
    case "intrinsic":
      return type.name;
    case "literal":
      return escapeHtml(literal(type.value));
    case "reference": {
      const href = typeof type.target === "number" ? link(type.target) : undefined;
      const name = href ? `<a href="${href}">${escapeHtml(type.name)}</a>` : escapeHtml(type.name);
      return type.typeArguments?.length
        ? `${name}&lt;${type.typeArguments.map(t).join(", ")}&gt;`
        : name;
    }
    case "array":
      return `${wrap(type.elementType)}[]`;
    case "union":
      return type.types.map(wrap).join(" | ");
    case "intersection":
      return type.types.map(wrap).join(" &amp; ");
    case "tuple":
      return `[${(type.elements ?? []).map(t).join(", ")}]`;
    case "namedTupleMember":
      return `${escapeHtml(type.name)}${type.isOptional ? "?" : ""}: ${t(type.element)}`;
    case "optional":
      return `${t(type.elementType)}?`;
    case "rest":
      return `...${t(type.elementType)}`;
    case "typeOperator":
      return `${type.operator} ${t(type.target)}`;
    case "indexedAccess":
      return `${t(type.objectType)}[${t(type.indexType)}]`;
    case "query":
      return `typeof ${t(type.queryType)}`;
    case "predicate":
      return `${type.asserts ? "asserts " : ""}${escapeHtml(type.name)}${type.targetType ? ` is ${t(type.targetType)}` : ""}`;
    case "conditional":
      return `${t(type.checkType)} extends ${t(type.extendsType)} ? ${t(type.trueType)} : ${t(type.falseType)}`;
    case "mapped":
      return `{ [${escapeHtml(type.parameter)} in ${t(type.parameterType)}]: ${t(type.templateType)} }`;
    case "templateLiteral":
      return (
        escapeHtml("`" + type.head) +
        type.tail.map(([inner, text]) => `\${${t(inner)}}${escapeHtml(text)}`).join("") +
        "`"
      );
    case "inferred":
      return `infer ${escapeHtml(type.name)}`;
    case "reflection":
      return reflectionHtml(type.declaration, link);
    default:
      return escapeHtml((type as { name?: string }).name ?? "unknown");
  }
}

function literal(value: JSONOutput.LiteralType["value"]): string {
  if (value === null) return "null";
  if (typeof value === "object") return `${value.negative ? "-" : ""}${value.value}n`;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function isFunction(type: JSONOutput.SomeType): boolean {
  return (
    type.type === "reflection" &&
    Boolean(type.declaration.signatures?.length) &&
    !type.declaration.children?.length
  );
}

/** An object type `{ a: T; b?: U }` or a function type `(x: T) => U`. */
function reflectionHtml(decl: JSONOutput.DeclarationReflection, link: LinkTo): string {
  const signature = decl.signatures?.[0];
  if (signature && !decl.children?.length)
    return `(${parametersHtml(signature.parameters, link)}) =&gt; ${typeHtml(signature.type, link)}`;
  const members = (decl.children ?? []).map(
    (c) =>
      `${c.flags.isReadonly ? "readonly " : ""}${escapeHtml(c.name)}${c.flags.isOptional ? "?" : ""}: ${typeHtml(c.type, link)}`,
  );
  for (const index of decl.indexSignatures ?? [])
    members.push(`[${parametersHtml(index.parameters, link)}]: ${typeHtml(index.type, link)}`);
  return members.length ? `{ ${members.join("; ")} }` : "{}";
}

/** A parameter list `a: number, b?: Value`. */
export function parametersHtml(
  parameters: JSONOutput.ParameterReflection[] | undefined,
  link: LinkTo,
): string {
  return (parameters ?? [])
    .map(
      (p) =>
        `${p.flags.isRest ? "..." : ""}${escapeHtml(p.name)}${p.flags.isOptional || p.defaultValue !== undefined ? "?" : ""}: ${typeHtml(p.type, link)}`,
    )
    .join(", ");
}
