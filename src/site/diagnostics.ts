/**
 * What each rule means, in the site's language. Parser messages are written for the command line
 * (in English, with the place and the text at fault); the diagnostics page leads with the rule's
 * Chinese explanation from the rule registry (src/lib/rules.ts).
 */
import { ruleOf } from '../lib/rules.ts';

/** The Chinese explanation of a diagnostic's rule, or undefined for a rule the registry does not know. */
export function ruleText(ruleId: string): string | undefined {
  return ruleOf(ruleId)?.text;
}
