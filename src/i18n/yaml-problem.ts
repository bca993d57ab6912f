/**
 * The yaml library's errors in Russian, by their code: its own sentences are English. Anything
 * not named here gets the general sentence.
 */
const byCode: Record<string, string> = {
  TAB_AS_INDENT: 'табуляция в отступе: делайте отступы пробелами',
  BAD_INDENT: 'неверный отступ: ключи одного уровня пишутся с одинаковым отступом',
  MISSING_CHAR: 'не хватает закрывающего знака: проверьте скобки } ] и кавычки',
  MULTILINE_IMPLICIT_KEY: 'ключ не может занимать несколько строк: проверьте двоеточия и кавычки',
  BLOCK_AS_IMPLICIT_KEY: 'ключ не может занимать несколько строк: проверьте двоеточия и кавычки',
  DUPLICATE_KEY: 'ключ повторяется: оставьте один',
  BAD_SCALAR_START: 'значение не может начинаться с этого знака: возьмите его в кавычки',
  UNEXPECTED_TOKEN: 'неожиданный знак: проверьте отступы, двоеточия и кавычки',
};

/** A YAML error by its code, lowercase (it follows a colon or is capitalised by the caller). */
export function yamlProblemRu(code: string): string {
  return byCode[code] ?? 'это не YAML, который instr может прочитать: проверьте отступы, двоеточия и кавычки';
}
