#!/usr/bin/env bash
# Scaffolds a rule: its class, its test and its page, from templates, then prints the two lines
# still to add by hand (the catalog entry and the index row). Run from anywhere in the repository.
#
# Usage: bench/new-rule.sh <ID> <kebab-name> <Category>
#   e.g. bench/new-rule.sh LK616 add-foreign-key-without-not-valid locking
#   Category: backward-compatibility, data-loss, rollback, history, parse, locking or configuration
#             (or the enum name, e.g. LOCKING). The ID's prefix must match it (BC, DL, RB, HS, PS, LK, CF).
set -euo pipefail

if [ $# -ne 3 ]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
id=$1 name=$2 category=$(printf '%s' "$3" | tr 'A-Z_' 'a-z-')

[[ $id =~ ^[A-Z]{2}[0-9]{3}$ ]] || { echo "new-rule: ID must look like LK616, not '$id'" >&2; exit 2; }
[[ $name =~ ^[a-z]+(-[a-z]+)*$ ]] || { echo "new-rule: name must be kebab-case, not '$name'" >&2; exit 2; }

# category -> Java package, enum constant and ID prefix (as RuleCatalogTest expects them)
case "$category" in
  backward-compatibility) pkg=compat   enum=BACKWARD_COMPATIBILITY prefix=BC ;;
  data-loss)              pkg=dataloss enum=DATA_LOSS              prefix=DL ;;
  rollback)               pkg=rollback enum=ROLLBACK               prefix=RB ;;
  history)                pkg=history  enum=HISTORY                prefix=HS ;;
  parse)                  pkg=parse    enum=PARSE                  prefix=PS ;;
  locking)                pkg=locking  enum=LOCKING                prefix=LK ;;
  configuration)          pkg=config   enum=CONFIGURATION          prefix=CF ;;
  *) echo "new-rule: unknown category '$3'" >&2; exit 2 ;;
esac
[ "${id:0:2}" = "$prefix" ] || { echo "new-rule: a $category rule's ID starts with $prefix, not ${id:0:2}" >&2; exit 2; }

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
class=$(printf '%s' "$name" | sed -E 's/(^|-)([a-z])/\U\2/g')Rule
main="$root/src/main/java/dev/migsafe/rules/$pkg/$class.java"
test="$root/src/test/java/dev/migsafe/rules/$pkg/${class}Test.java"
page="$root/rules/$id.md"
for f in "$main" "$test" "$page"; do
  [ ! -e "$f" ] || { echo "new-rule: $f exists already" >&2; exit 1; }
done
if grep -rq "String ID = \"$id\"" "$root/src/main/java/dev/migsafe/rules"; then
  echo "new-rule: $id is taken (IDs are never reused)" >&2; exit 1
fi

cat > "$main" <<EOF
package dev.migsafe.rules.$pkg;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;

/** TODO: what the rule flags and why, in two lines. */
@RuleInfo(id = $class.ID, name = "$name", category = Category.$enum, severity = Severity.WARNING,
        summary = "TODO: one sentence: what the rule flags.",
        fix = "TODO: one sentence: the safe alternative.")
// dialects = ... and scripts = ... when the rule is not for both dialects, or looks at downs too:
// the engine then runs it only there, so the rule needs no guard of its own
public final class $class implements Rule {
    public static final String ID = "$id";

    @Override
    public void onChange(ChangeContext ctx) {
        // TODO: ctx.report(...) the changes this rule flags
    }
}
EOF

cat > "$test" <<EOF
package dev.migsafe.rules.$pkg;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** $id $name through the real pipeline. */
class ${class}Test {

    @Test
    void flagsTodo() {
        // each line that must be reported ends with "-- expect: $id"; check() fails on any other finding
        RuleTester.postgres().only($class.ID)
                .released("CREATE TABLE users (id int PRIMARY KEY, name text);")
                .deploy("ALTER TABLE users ADD COLUMN todo text; -- expect: $id")
                .check();
    }
}
EOF

cat > "$page" <<EOF
# $id $name

| | |
|---|---|
| ID | \`$id\` |
| Name | \`$name\` |
| Category | $category |
| Default severity | warning |
| Dialects | PostgreSQL, MySQL |

TODO: the rule's summary.

## Why it matters

TODO

## Bad

\`\`\`sql
TODO
\`\`\`

## Safe alternative

\`\`\`sql
TODO
\`\`\`

## Suppress

\`\`\`sql
-- migsafe:ignore $id the reason you accept it
<the statement>
\`\`\`
The comment goes right before the statement; a reason is required (without one, CF701 is reported
and nothing is silenced). To change the rule's severity for a whole project, set it in
\`migsafe.yaml\`:

\`\`\`yaml
rules:
  $id: {severity: info}
\`\`\`
EOF

echo "created ${main#"$root"/}"
echo "created ${test#"$root"/}"
echo "created ${page#"$root"/}"
echo
echo "Still to do by hand:"
echo "  1. register it in src/main/java/dev/migsafe/rules/RuleCatalog.java: new $class(), in its category's line"
echo "  2. add its row to the $category table of rules/README.md (RuleCatalogTest checks name and severity):"
echo "     | [$id]($id.md) | $name | warning | TODO: the rule's summary. |"
