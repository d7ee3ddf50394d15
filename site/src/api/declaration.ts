import type MarkdownIt from "markdown-it";
import { ReflectionKind, type JSONOutput } from "typedoc";
import { escapeHtml } from "../render/escape.ts";
import { commentHtml } from "./comments.ts";
import { parametersHtml, typeHtml, type LinkTo } from "./types.ts";

// One exported declaration on its package's page: a heading with an anchor, its signature as
// TypeScript, its comment, and for classes and interfaces each member in the same form.

type Decl = JSONOutput.DeclarationReflection;
type Signature = JSONOutput.SignatureReflection;

export interface DeclarationContext {
  link: LinkTo;
  anchor(id: number): string;
  md: MarkdownIt;
}

const KIND_NAMES: Partial<Record<ReflectionKind, string>> = {
  [ReflectionKind.Class]: "class",
  [ReflectionKind.Interface]: "interface",
  [ReflectionKind.Function]: "function",
  [ReflectionKind.TypeAlias]: "type",
  [ReflectionKind.Variable]: "const",
  [ReflectionKind.Enum]: "enum",
  [ReflectionKind.Namespace]: "namespace",
};

function typeParams(list: JSONOutput.TypeParameterReflection[] | undefined, link: LinkTo): string {
  return list?.length
    ? `&lt;${list.map((p) => escapeHtml(p.name) + (p.type ? ` extends ${typeHtml(p.type, link)}` : "")).join(", ")}&gt;`
    : "";
}

function signatureCode(prefix: string, sig: Signature, link: LinkTo, returns = true): string {
  const result = returns && sig.type ? `: ${typeHtml(sig.type, link)}` : "";
  return `${prefix}${typeParams(sig.typeParameters, link)}(${parametersHtml(sig.parameters, link)})${result}`;
}

/** A signature's comment, then its parameters' comments. */
function signatureDetails(sig: Signature, ctx: DeclarationContext): string {
  const params = (sig.parameters ?? []).filter((p) => p.comment);
  const list = params.length
    ? `<dl class="params">${params.map((p) => `<dt><code>${escapeHtml(p.name)}</code></dt><dd>${commentHtml(p.comment, ctx.link, ctx.md)}</dd>`).join("")}</dl>`
    : "";
  return commentHtml(sig.comment, ctx.link, ctx.md) + list;
}

/** A signature as a code block, then its details. */
function signatureBlock(code: string, sig: Signature, ctx: DeclarationContext): string {
  return `<pre class="signature"><code>${code}</code></pre>${signatureDetails(sig, ctx)}`;
}

function anchorLink(id: string, label: string): string {
  return `<a class="anchor" href="#${escapeHtml(id)}" aria-label="Link to ${escapeHtml(label)}">#</a>`;
}

/** A member of a class or interface (property, accessor or method): its signature is its heading. */
function member(decl: Decl, parent: Decl, ctx: DeclarationContext): string {
  const { link } = ctx;
  const mods = `${decl.flags.isStatic ? "static " : ""}${decl.flags.isReadonly ? "readonly " : ""}`;
  const name = escapeHtml(decl.name);
  let code: string;
  let details: string;
  if (decl.signatures?.length) {
    const [first, ...overloads] = decl.signatures;
    code = signatureCode(mods + name, first!, link);
    details =
      signatureDetails(first!, ctx) +
      overloads
        .map((sig) => signatureBlock(signatureCode(mods + name, sig, link), sig, ctx))
        .join("");
  } else if (decl.getSignature || decl.setSignature) {
    const get = decl.getSignature ? `get ${name}(): ${typeHtml(decl.getSignature.type, link)}` : "";
    const set = decl.setSignature
      ? `set ${name}(${parametersHtml(decl.setSignature.parameters, link)})`
      : "";
    code = [get, set].filter(Boolean).join("\n");
    details = commentHtml(
      decl.getSignature?.comment ?? decl.setSignature?.comment ?? decl.comment,
      link,
      ctx.md,
    );
  } else {
    code = `${mods}${name}${decl.flags.isOptional ? "?" : ""}: ${typeHtml(decl.type, link)}`;
    details = commentHtml(decl.comment, link, ctx.md);
  }
  const id = ctx.anchor(decl.id);
  const label = `${decl.flags.isStatic ? `${parent.name}.` : ""}${decl.name}`;
  return `<div class="member"><h4 id="${escapeHtml(id)}"><code>${code}</code> ${anchorLink(id, label)}</h4>${details}</div>`;
}

/** One exported declaration as a section of its package's page. */
export function declarationHtml(decl: Decl, ctx: DeclarationContext): string {
  const kind = KIND_NAMES[decl.kind as ReflectionKind] ?? "";
  const { link, md } = ctx;
  let body = "";
  switch (decl.kind as ReflectionKind) {
    case ReflectionKind.Function:
      body = (decl.signatures ?? [])
        .map((sig) =>
          signatureBlock(signatureCode(`function ${escapeHtml(decl.name)}`, sig, link), sig, ctx),
        )
        .join("");
      break;
    case ReflectionKind.Class:
    case ReflectionKind.Interface: {
      const extended = decl.extendedTypes?.length
        ? ` extends ${decl.extendedTypes.map((t) => typeHtml(t, link)).join(", ")}`
        : "";
      const implemented = decl.implementedTypes?.length
        ? ` implements ${decl.implementedTypes.map((t) => typeHtml(t, link)).join(", ")}`
        : "";
      body = `<pre class="signature"><code>${kind} ${escapeHtml(decl.name)}${typeParams(decl.typeParameters, link)}${extended}${implemented}</code></pre>${commentHtml(decl.comment, link, md)}`;
      const children = (decl.children ?? []).filter((c) => !c.flags.isPrivate && !c.inheritedFrom);
      const constructors = children.filter((c) => c.kind === ReflectionKind.Constructor);
      for (const c of constructors) {
        body += (c.signatures ?? [])
          .map((sig) =>
            signatureBlock(
              signatureCode(`new ${escapeHtml(decl.name)}`, sig, link, false),
              sig,
              ctx,
            ),
          )
          .join("");
      }
      body += children
        .filter((c) => c.kind !== ReflectionKind.Constructor)
        .map((c) => member(c, decl, ctx))
        .join("");
      break;
    }
    case ReflectionKind.TypeAlias:
      body = `<pre class="signature"><code>type ${escapeHtml(decl.name)}${typeParams(decl.typeParameters, link)} = ${typeHtml(decl.type, link)}</code></pre>${commentHtml(decl.comment, link, md)}`;
      break;
    case ReflectionKind.Enum:
      body = `<pre class="signature"><code>enum ${escapeHtml(decl.name)} { ${(decl.children ?? []).map((c) => `${escapeHtml(c.name)} = ${typeHtml(c.type, link)}`).join(", ")} }</code></pre>${commentHtml(decl.comment, link, md)}`;
      break;
    default: {
      const value = decl.type
        ? `: ${typeHtml(decl.type, link)}`
        : decl.defaultValue
          ? ` = ${escapeHtml(decl.defaultValue)}`
          : "";
      body = `<pre class="signature"><code>${kind || "const"} ${escapeHtml(decl.name)}${value}</code></pre>${commentHtml(decl.comment, link, md)}`;
    }
  }
  return `<section class="declaration"><h3 id="${escapeHtml(ctx.anchor(decl.id))}"><code>${escapeHtml(decl.name)}</code> ${anchorLink(ctx.anchor(decl.id), decl.name)}</h3>${kind ? `<p class="kind">${kind}</p>` : ""}${body}</section>`;
}
