import { Form } from "@remix-run/react";

/**
 * On a settings page opened from the set-up (`?setup=1`): "Save and continue" marks
 * the task done, "I'll do this later" skips it; both go back to the task list.
 */
export function SetupStepActions({ slug, task }: { slug: string; task: string }) {
  return (
    <Form method="post" action={`/${slug}/setup`} className="govuk-!-margin-top-6">
      <input type="hidden" name="task" value={task} />
      <div className="govuk-button-group">
        <button type="submit" name="intent" value="done" className="govuk-button" data-module="govuk-button">
          Save and continue
        </button>
        <button type="submit" name="intent" value="skip" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          I&apos;ll do this later
        </button>
      </div>
    </Form>
  );
}

/** Whether the page was opened from the set-up task list. */
export function isSetupMode(request: Request) {
  return new URL(request.url).searchParams.get("setup") === "1";
}
