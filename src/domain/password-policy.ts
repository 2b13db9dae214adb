/**
 * The password policy for every place a password is set (change, create, reset, import): at least
 * 10 characters, 3 of the 4 classes (lower case, upper case, digits, symbols), not a common or
 * guessable password, not containing the login. Pure: the server hashes, this only judges.
 */

export const PASSWORD_MIN_LENGTH = 10;

// Bases of the passwords attackers try first (leaked-password lists, Chinese pinyin favourites,
// product and role names). A password is refused when, stripped of leading/trailing digits and
// symbols and de-leeted, nothing but one of these remains: Password123, P@ssw0rd!, Admin2026#.
const COMMON_BASES = new Set([
  'password', 'passwd', 'pass', 'passw', 'pwd', 'admin', 'administrator', 'root', 'user', 'guest', 'test', 'tester', 'login',
  'welcome', 'letmein', 'iloveyou', 'trustno', 'changeme', 'default', 'secret', 'master', 'monkey', 'dragon', 'sunshine',
  'princess', 'football', 'baseball', 'superman', 'batman', 'hello', 'system', 'manager', 'office', 'server', 'qazwsx',
  'woaini', 'aini', 'mima', 'zhongguo', 'china', 'beijing', 'shanghai', 'hunan', 'changsha', 'shaoyang', 'yongzhou',
  'yingshang', 'youhuaban', 'zhangwei', 'wangwei', 'liwei', 'abc', 'abcd', 'asdf', 'zxcv', 'qwer', 'qwerty', 'company',
]);
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1234567890', '0987654321', 'zyxwvutsrqponmlkjihgfedcba'];
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/** The character classes present: lower, upper, digit, other. */
function classCount(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
}

/** The letters-only core an attacker's mangling rules start from. */
function core(password: string): string {
  const stripped = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [...stripped].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]+$/g, '');
}

function isGuessable(password: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return true;
  const base = core(password);
  if (base === '' || COMMON_BASES.has(base)) return true;
  // Keyboard rows and runs (qwerty…, abcdef…, 123456…) with a little decoration.
  if (base.length >= 4 && SEQUENCES.some((s) => s.includes(base))) return true;
  const letters = lower.replace(/[^a-z0-9]/g, '');
  return letters.length >= 8 && SEQUENCES.some((s) => s.includes(letters));
}

/** Chinese sentences saying what is wrong with a new password; empty when it is acceptable. */
export function passwordProblems(password: string, login?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (classCount(password) < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少 3 类');
  if (login && login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) problems.push('密码不能包含登录名');
  else if (isGuessable(password)) problems.push('密码过于常见或简单（如 Password123、aaaaaaaaa1、Qwerty@123），容易被猜中');
  return problems;
}
