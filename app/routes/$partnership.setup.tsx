// The guided set-up: a GOV.UK task list of what a new partnership needs, each task
// linking to its settings page. Progress is saved as each task is done or skipped.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { SetupStepSchema } from "~/modules/onboarding/setup-schema";
import { finishSetup, getSetupProgress, markSetupTask } from "~/modules/onboarding/setup.server";
import type { SetupTaskStatus } from "~/modules/onboarding/setup-tasks";

export const meta: MetaFunction = () => [{ title: "Set up your partnership - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const progress = await getSetupProgress(actor);
  return {
    slug: partnership.slug,
    name: partnership.name,
    finished: Boolean(progress.completedAt),
    tasks: progress.tasks.map(({ task, label, path, status }) => ({ task, label, path, status })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: SetupStepSchema });
  if (submission.status !== "success") throw new Response("Choose a set-up task", { status: 400 });
  const step = submission.value;
  if (step.intent === "finish") {
    await finishSetup(actor);
    return redirect(`/${partnership.slug}`);
  }
  await markSetupTask(actor, step.task, step.intent === "done" ? "done" : "skipped");
  return redirect(`/${partnership.slug}/setup`);
}

const STATUS: Record<SetupTaskStatus, { text: string; className: string | null }> = {
  done: { text: "Completed", className: null },
  skipped: { text: "Skipped", className: "govuk-tag--grey" },
  "in-progress": { text: "In progress", className: "govuk-tag--light-blue" },
  "not-started": { text: "Not yet started", className: "govuk-tag--blue" },
};

export default function Setup() {
  const { slug, name, finished, tasks } = useLoaderData<typeof loader>();
  const done = tasks.filter((t) => t.status === "done").length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">Set up your partnership</h1>
        <p className="govuk-body">
          {`You have completed ${done} of ${tasks.length} tasks.`} Your progress is saved as you go: you can leave and come back
          at any time, skip a task and finish it later in settings.
        </p>
        <ul className="govuk-task-list">
          {tasks.map((task) => {
            const status = STATUS[task.status];
            const statusId = `task-${task.task}-status`;
            return (
              <li key={task.task} className="govuk-task-list__item govuk-task-list__item--with-link">
                <div className="govuk-task-list__name-and-hint">
                  <Link
                    to={`/${slug}/${task.path}?setup=1`}
                    className="govuk-link govuk-task-list__link"
                    aria-describedby={statusId}
                  >
                    {task.label}
                  </Link>
                </div>
                <div className="govuk-task-list__status" id={statusId}>
                  {status.className ? <strong className={`govuk-tag ${status.className}`}>{status.text}</strong> : status.text}
                </div>
              </li>
            );
          })}
        </ul>
        {finished ? (
          <p className="govuk-body">
            Set-up is finished.{" "}
            <Link to={`/${slug}`} className="govuk-link">
              Go to the partnership&apos;s home page
            </Link>
          </p>
        ) : (
          <Form method="post">
            <p className="govuk-body">You can finish now and complete the remaining tasks later.</p>
            <button type="submit" name="intent" value="finish" className="govuk-button" data-module="govuk-button">
              Finish set-up
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
