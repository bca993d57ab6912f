/** JSON schema type names as a Russian reader reads them (config and scenario file messages). */
export const schemaTypesRu: Record<string, string> = {
  object: 'набор «ключ: значение»',
  array: 'список',
  string: 'текст',
  number: 'число',
  integer: 'целое число',
  boolean: 'true или false',
};
