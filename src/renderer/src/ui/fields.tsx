import { useEffect, useId, type RefObject, type Ref, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'

interface FieldFrame {
  label: ReactNode
  /** Message shown under the field (e.g. from `fieldError(err, 'name')`). */
  error?: string | undefined
  hint?: ReactNode
  className?: string
}

function Frame({ id, label, error, hint, className, children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  )
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  if (error) return `${id}-error`
  if (hint) return `${id}-hint`
  return undefined
}

export type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & { ref?: Ref<HTMLInputElement> }

/** A labelled text input; its error is shown right under it and linked with aria-describedby. */
export function TextField({ label, error, hint, className, id: idProp, ...rest }: TextFieldProps) {
  const auto = useId()
  const id = idProp ?? auto
  return (
    <Frame id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...rest} />
    </Frame>
  )
}

export type TextAreaProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>

export function TextArea({ label, error, hint, className, id: idProp, ...rest }: TextAreaProps) {
  const auto = useId()
  const id = idProp ?? auto
  return (
    <Frame id={id} label={label} error={error} hint={hint} className={className}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...rest} />
    </Frame>
  )
}

export interface SelectOption {
  value: string
  label: string
}

export type SelectProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { options: readonly SelectOption[] }

export function Select({ label, error, hint, className, options, id: idProp, ...rest }: SelectProps) {
  const auto = useId()
  const id = idProp ?? auto
  return (
    <Frame id={id} label={label} error={error} hint={hint} className={className}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  )
}

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> {
  label: ReactNode
  error?: string | undefined
}

export function Checkbox({ label, error, id: idProp, ...rest }: CheckboxProps) {
  const auto = useId()
  const id = idProp ?? auto
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} />
        <span>{label}</span>
      </label>
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  )
}

/**
 * After a failed submit, moves focus to the first field marked invalid in the form, so the
 * message next to it is in view (and announced) even when the form is long.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error) return
    const t = setTimeout(() => {
      const el = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      if (!el) return
      el.focus({ preventScroll: true })
      // Bring the whole field (label, input, message) into view, not just the input.
      ;(el.closest('.field') ?? el).scrollIntoView?.({ block: 'nearest' })
    }, 0)
    return () => clearTimeout(t)
  }, [form, error])
}
