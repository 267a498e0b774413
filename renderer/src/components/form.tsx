import { Form } from 'antd';
import type { ReactElement } from 'react';
import {
  Controller,
  useForm,
  type Control,
  type ControllerRenderProps,
  type DefaultValues,
  type FieldValues,
  type FieldErrors,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import type { ApiError } from '../../../shared/result';
import { fieldErrorsFromZod } from '../../../shared/validation/zod-errors';

/**
 * Validates with the same zod schema and the same issue → message mapping as the main process,
 * so a field shows the identical message whether the form or the dispatcher caught it.
 */
export function zodResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
): Resolver<z.input<S>, unknown, z.output<S>> {
  return (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const [path, msg] of Object.entries(fieldErrorsFromZod(parsed.error))) {
      const parts = path.split('.');
      let node = errors;
      for (const part of parts.slice(0, -1)) {
        // A list that already holds its own message keeps it under `root`, beside the rows'.
        const existing = node[part] as Record<string, unknown> | undefined;
        if (existing && 'message' in existing) node[part] = { root: existing };
        node[part] ??= {};
        node = node[part] as Record<string, unknown>;
      }
      const leaf = parts[parts.length - 1] ?? path;
      const error = { type: JSON.stringify(msg.params ?? {}), message: msg.key };
      const existing = node[leaf] as Record<string, unknown> | undefined;
      if (existing && !('message' in existing)) existing.root = error;
      else node[leaf] = error;
    }
    return { values: {}, errors: errors as FieldErrors<z.input<S>> };
  };
}

/** react-hook-form driven by the same zod schema the main process validates with. */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onTouched',
  });
}

interface FieldProps<T extends FieldValues, N extends Path<T>> {
  control: Control<T, unknown, FieldValues>;
  name: N;
  label: string;
  help?: string;
  required?: boolean;
  children: (field: ControllerRenderProps<T, N>) => ReactElement;
}

/** An antd form row bound to a react-hook-form field; errors are i18n keys, shown translated. */
export function Field<T extends FieldValues, N extends Path<T>>({
  control,
  name,
  label,
  help,
  required,
  children,
}: FieldProps<T, N>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const error = fieldState.error?.message;
        return (
          <Form.Item
            label={label}
            required={required}
            htmlFor={name}
            validateStatus={error ? 'error' : undefined}
            help={error ? t(error, translateParams(fieldState.error)) : help}
          >
            {children({ ...field })}
          </Form.Item>
        );
      }}
    />
  );
}

/** Message params travel in the error's `type` as JSON (see zodResolver and applyApiError). */
function translateParams(error: { type?: string } | undefined): Record<string, unknown> {
  if (error?.type?.startsWith('{')) return JSON.parse(error.type) as Record<string, unknown>;
  return {};
}

/**
 * Puts the main process's per-field messages on the form's fields. Returns true when at least
 * one field was marked, so the caller need not repeat the general message.
 */
export function applyApiError<T extends FieldValues>(
  form: UseFormReturn<T, unknown, FieldValues>,
  error: ApiError,
): boolean {
  let marked = false;
  for (const [path, msg] of Object.entries(error.fieldErrors ?? {})) {
    form.setError(
      path as Path<T>,
      { type: JSON.stringify(msg.params ?? {}), message: msg.key },
      { shouldFocus: !marked },
    );
    marked = true;
  }
  return marked;
}
