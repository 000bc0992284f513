import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import { ApiError } from './api'
import { useUnsavedChanges } from './unsaved'

/**
 * A form checked by a zod schema (the contract's, or one built from it): every
 * field's error is shown at once on submit, and re-checked as the user types.
 * While the form has unsaved edits, leaving the screen or closing the window asks
 * first (pass `guard: false` for a form inside a Dialog, whose `dirty` asks instead).
 * Show errors with `useMessage()` so the schema's English reads in the user's language.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  props: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> & { guard?: boolean } = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  const { guard = true, ...rest } = props
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The resolver's types are stricter than a generic schema can state; the schema is the one given.
    resolver: zodResolver(schema as never) as never,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
    ...rest,
  })
  const { isDirty, isSubmitSuccessful } = form.formState
  useUnsavedChanges(guard && isDirty && !isSubmitSuccessful)
  return form
}

/**
 * Puts an error the service returned for one field (`field: 'email'` or `'values.subject'`)
 * on that field of the form; true when it did. Other errors are the caller's (a toast).
 */
export function serverErrorToForm<T extends FieldValues>(form: Pick<UseFormReturn<T>, 'setError' | 'getValues'>, err: unknown, prefix = ''): boolean {
  if (!(err instanceof ApiError) || !err.field) return false
  const field = prefix && err.field.startsWith(prefix) ? err.field.slice(prefix.length) : err.field
  const top = field.split('.')[0]!
  const values = form.getValues() as Record<string, unknown>
  if (!(field in values) && !(top in values)) return false
  form.setError((field in values ? field : top) as Path<T>, { type: 'server', message: err.message })
  return true
}

/**
 * The submit of a form whose action calls the service: `submit` checks the form (every field error at once),
 * runs `action` with the parsed values, puts a field error the service returns on its field, and keeps any
 * other error's message in `error` (show it with useMessage); the next try clears it.
 */
export function useFormAction<T extends FieldValues, O>(
  form: Pick<UseFormReturn<T, unknown, O>, 'handleSubmit' | 'setError' | 'getValues'>,
  action: (values: O) => Promise<unknown>,
  prefix = '',
): { submit: (e?: React.BaseSyntheticEvent) => Promise<void>; error: string | null } {
  const [error, setError] = useState<string | null>(null)
  const submit = form.handleSubmit(async (values) => {
    setError(null)
    try {
      await action(values)
    } catch (e) {
      if (!serverErrorToForm(form, e, prefix)) setError(e instanceof Error ? e.message : String(e))
    }
  })
  return { submit, error }
}
