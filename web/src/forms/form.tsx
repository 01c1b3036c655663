import type { ReactNode } from 'react';
import { useCallback } from 'react';
import {
  FormProvider,
  useForm,
  type FieldErrors,
  type FieldValues,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import { fieldsError } from './errors';
import { flattenFieldErrors } from './field-errors';
import { FormFrame, type FormMeta, MetaContext, type Register, RegisterContext, useFormMetaState } from './form-core';

export {
  ErrorSummary,
  errorOf,
  type FormMeta,
  FormStatus,
  fieldId,
  groupBySection,
  REVEAL_EVENT,
  SubmitButton,
  useFormMeta,
} from './form-core';

/**
 * The signed-in areas' forms: react-hook-form holds the values (nested like the API's bodies, so a
 * field's name is the API's field path and the server's field messages land on it 1:1), with zod
 * resolvers where a form checks before sending; form-core.tsx adds what the app shows around them.
 * The public pages' forms (a first visit's path) use simple-form.tsx instead, without react-hook-form.
 */
export interface ApiForm<TValues extends FieldValues, TOutput = TValues> {
  meta: FormMeta;
  methods: UseFormReturn<TValues, unknown, TOutput>;
  /** Validates (the resolver, when the form has one) and then runs `onValid` with the checked values. */
  submit: (onValid: (values: TOutput) => Promise<void>) => Promise<void>;
}

export function useApiForm<TValues extends FieldValues, TOutput = TValues>(
  id: string,
  props: UseFormProps<TValues, unknown, TOutput> = {},
): ApiForm<TValues, TOutput> {
  // Errors are shown as the submit found them (not re-checked while typing), and focus goes to the
  // summary, not the first field: the summary says what is wrong and links to each field.
  const methods = useForm<TValues, unknown, TOutput>({ reValidateMode: 'onSubmit', shouldFocusError: false, ...props });
  const meta = useFormMetaState(id);
  const { run, setError } = meta;
  const { handleSubmit } = methods;
  const submit = useCallback(
    (onValid: (values: TOutput) => Promise<void>) =>
      run(() =>
        handleSubmit(onValid, (errors: FieldErrors<TValues>) => setError(fieldsError(flattenFieldErrors(errors))))(),
      ),
    [run, handleSubmit, setError],
  );
  return { meta, methods, submit };
}

/** react-hook-form's `register`, for the field components (which take any field path of the form). */
const registerOf = <TValues extends FieldValues, TOutput>(form: ApiForm<TValues, TOutput>) =>
  form.methods.register as unknown as Register;

/** The form's values and its meta for the fields inside, without a <form> element (the builders save with a button). */
export function FormScope<TValues extends FieldValues, TOutput>({
  form,
  children,
}: {
  form: ApiForm<TValues, TOutput>;
  children: ReactNode;
}) {
  return (
    <FormProvider {...form.methods}>
      <MetaContext.Provider value={form.meta}>
        <RegisterContext.Provider value={registerOf(form)}>{children}</RegisterContext.Provider>
      </MetaContext.Provider>
    </FormProvider>
  );
}

interface FormProps<TValues extends FieldValues, TOutput> {
  form: ApiForm<TValues, TOutput>;
  onSubmit: (values: TOutput) => Promise<void>;
  children: ReactNode;
  /** Shown under the summary for particular error codes (e.g. "resend the confirmation link"). */
  errorActions?: ReactNode;
  labelledBy?: string;
  /** The status line's text when the form's page says it (a search: "sending…", "12 found"). */
  statusText?: string;
  /** The section (fieldset) of a field path: the summary then lists errors under their sections. */
  sectionOf?: (path: string) => string | undefined;
}

export function Form<TValues extends FieldValues, TOutput>({ form, onSubmit, ...frame }: FormProps<TValues, TOutput>) {
  return (
    <FormProvider {...form.methods}>
      <FormFrame meta={form.meta} register={registerOf(form)} onSubmit={() => void form.submit(onSubmit)} {...frame} />
    </FormProvider>
  );
}
