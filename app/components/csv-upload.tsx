import { useNavigate } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";

type Props = {
  /** Where the file is posted. */
  action: string;
  label: string;
  hint: string;
  /** The message by the field (the error summary above it lists the same). */
  error?: string | null;
  maxBytes: number;
  tooLargeMessage: string;
  buttonText: string;
};

/**
 * A file upload that shows its progress. Without JavaScript it is a plain form that
 * posts the file; with it, the file goes by XMLHttpRequest (fetch cannot report upload
 * progress) and a progress bar fills as it is sent. A file over the limit is refused
 * before a byte is sent, with the same message the server would give.
 */
export function CsvUploadForm(props: Props) {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const error = clientError ?? props.error ?? null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = input.current?.files?.[0];
    if (!file || typeof XMLHttpRequest === "undefined") return; // the server says "choose a file"
    event.preventDefault();
    if (file.size > props.maxBytes) {
      setClientError(props.tooLargeMessage);
      input.current?.focus();
      return;
    }
    setClientError(null);
    setProgress({ name: file.name, percent: 0 });
    const request = new XMLHttpRequest();
    request.open("POST", props.action);
    request.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) setProgress({ name: file.name, percent: Math.min(100, Math.round((e.loaded / e.total) * 100)) });
    });
    request.addEventListener("load", () => {
      // The server answers with a redirect to the preview (or back here with the problem); follow it.
      const to = new URL(request.responseURL || props.action, window.location.href);
      if (request.status >= 400) {
        setProgress(null);
        setClientError("The file could not be uploaded: try again");
        return;
      }
      navigate(`${to.pathname}${to.search}`);
    });
    request.addEventListener("error", () => {
      setProgress(null);
      setClientError("The file could not be uploaded: check your connection and try again");
    });
    request.send(new FormData(event.currentTarget));
  }

  return (
    <form method="post" action={props.action} encType="multipart/form-data" noValidate onSubmit={onSubmit}>
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor="file">
          {props.label}
        </label>
        <div id="file-hint" className="govuk-hint">
          {props.hint}
        </div>
        {error ? (
          <p id="file-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <input
          ref={input}
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
          aria-describedby={`file-hint${error ? " file-error" : ""}`}
        />
      </div>
      {progress ? (
        <div className="govuk-form-group" aria-live="polite">
          <label className="govuk-label" htmlFor="upload-progress">
            Uploading {progress.name}: {progress.percent}%
          </label>
          <progress id="upload-progress" className="app-upload-progress" max={100} value={progress.percent}>
            {progress.percent}%
          </progress>
          {progress.percent === 100 ? <p className="govuk-body">Checking the file…</p> : null}
        </div>
      ) : null}
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={progress !== null}>
        {props.buttonText}
      </button>
    </form>
  );
}
