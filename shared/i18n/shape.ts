/**
 * `x_one` for every `x_other` of the source catalog. Chinese has a single plural form, so zh-CN
 * writes a counted message as `x_other` only; English needs `x_one` as well (i18next picks the
 * form from `count`).
 */
type PluralOne<T> = {
  [K in keyof T & string as K extends `${infer Base}_other` ? `${Base}_one` : never]: string;
};

/** The English catalog has exactly the shape of the Chinese one, plus `_one` beside each `_other`. */
export type Shape<T> = {
  [K in keyof T]: T[K] extends string ? string : Shape<T[K]>;
} & PluralOne<T>;
