/**
 * COUNTIF/COUNTIFS/SUMIF(S) criteria, as Sheets interprets them.
 *
 * - A number criterion matches cells equal to that number (numbers, or text that reads as that number).
 * - A numeric-looking text criterion ("2024", "=2024") matches number cells; whether it also matches text
 *   cells holding "2024" is documented for Excel but not for Sheets: the strict reading says no, the lenient
 *   one yes (`textMatchesNumber`).
 * - A boolean criterion matches that boolean.
 * - A criterion "" matches empty cells (and cells holding ""). A criterion that is a reference to an
 *   empty cell counts as the number 0 (as Excel and LibreOffice document; so the same formula gives the
 *   same count in an exported workbook).
 * - A text criterion may start with an operator: =, <>, <, >, <=, >=.
 *   - With a numeric operand ("> 5", "<"&x), numeric comparisons apply to number cells only
 *     ("<>5" also matches text and empty cells).
 *   - "=" alone matches empty cells; "<>" alone matches non-empty cells.
 *   - Otherwise text comparisons apply to text cells; "=" and plain text match case-insensitively with
 *     wildcards * and ? (~ escapes them).
 */
import { coerceTextToNumber } from '../cell-parsing';
import { FormulaError, type Scalar } from './values';

export type Matcher = (cell: Scalar) => boolean;

function wildcardRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length && '*?~'.includes(pattern[i + 1])) {
      re += '\\' + pattern[i + 1];
      i++;
    } else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

function isBlank(cell: Scalar): boolean {
  return cell === null || cell === '';
}

function cellNumber(cell: Scalar): number | null {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return coerceTextToNumber(cell);
  return null;
}

export function makeMatcher(criterion: Scalar, textMatchesNumber = true): Matcher {
  if (criterion instanceof FormulaError) return () => false;
  if (criterion === null) return makeMatcher(0);
  if (typeof criterion === 'number') {
    return (cell) => {
      const n = cellNumber(cell);
      return n !== null && n === criterion;
    };
  }
  if (typeof criterion === 'boolean') return (cell) => cell === criterion;

  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion) as RegExpExecArray;
  const op = m[1] ?? '';
  const operand = m[2];
  if (op === '' && operand === '') return isBlank;
  if (op === '=' && operand === '') return (cell) => cell === null;
  if (op === '<>' && operand === '') return (cell) => cell !== null && cell !== '';

  const num = coerceTextToNumber(operand);
  if (num !== null) {
    const numberOf = (cell: Scalar) => (textMatchesNumber ? cellNumber(cell) : typeof cell === 'number' ? cell : null);
    switch (op) {
      case '':
      case '=':
        return (cell) => {
          const n = numberOf(cell);
          return n !== null && n === num;
        };
      case '<>':
        return (cell) => {
          const n = numberOf(cell);
          return !(n !== null && n === num);
        };
      default:
        return (cell) => {
          if (typeof cell !== 'number') return false;
          switch (op) {
            case '<':
              return cell < num;
            case '>':
              return cell > num;
            case '<=':
              return cell <= num;
            default:
              return cell >= num;
          }
        };
    }
  }
  const upper = operand.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') {
    const b = upper === 'TRUE';
    if (op === '' || op === '=') return (cell) => cell === b;
    if (op === '<>') return (cell) => cell !== b;
  }
  switch (op) {
    case '':
    case '=': {
      const re = wildcardRegex(operand);
      return (cell) => typeof cell === 'string' && re.test(cell);
    }
    case '<>': {
      const re = wildcardRegex(operand);
      return (cell) => !(typeof cell === 'string' && re.test(cell));
    }
    default: {
      const lo = operand.toLowerCase();
      return (cell) => {
        if (typeof cell !== 'string') return false;
        const c = cell.toLowerCase();
        switch (op) {
          case '<':
            return c < lo;
          case '>':
            return c > lo;
          case '<=':
            return c <= lo;
          default:
            return c >= lo;
        }
      };
    }
  }
}
