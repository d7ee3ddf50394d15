// The expression trees of ../shared/reference/expressions.json, and an interpreter building them from Values.
import { Value } from "../src/index.ts";

/** The JSON AST of a reference expression. */
export type Expr =
  | { leaf: string }
  | { const: number }
  | { op: "add" | "sub" | "mul" | "div"; args: [Expr, Expr] }
  | { op: "neg" | "exp" | "log" | "tanh" | "relu" | "sigmoid" | "sin" | "cos"; args: [Expr] }
  | { op: "pow"; args: [Expr]; exponent: number };

/**
 * Build `expr` from Values. A constant operand is passed as a number where the API takes one
 * (the right of a binary op), else it becomes a leaf Value; with `constantsAsLeaves` it always does.
 */
export function evaluate(
  expr: Expr,
  leaves: Record<string, Value>,
  constantsAsLeaves = false,
): Value {
  if ("leaf" in expr) return leaves[expr.leaf]!;
  if ("const" in expr) return new Value(expr.const);
  const a = evaluate(expr.args[0], leaves, constantsAsLeaves);
  switch (expr.op) {
    case "add":
    case "sub":
    case "mul":
    case "div": {
      const right = expr.args[1];
      const b =
        "const" in right && !constantsAsLeaves
          ? right.const
          : evaluate(right, leaves, constantsAsLeaves);
      return a[expr.op](b);
    }
    case "pow":
      return a.pow(expr.exponent);
    default:
      return a[expr.op]();
  }
}
