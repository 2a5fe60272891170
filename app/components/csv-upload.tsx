import { useNavigate } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { UploadProgress, useUploadWithProgress } from "./upload-progress";

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
  const { progress, uploading, upload, stop } = useUploadWithProgress();
  const [fileName, setFileName] = useState<string | null>(null);
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
    setFileName(file.name);
    upload(props.action, new FormData(event.currentTarget), {
      onLoad: (request) => {
        if (request.status >= 400) {
          stop();
          setClientError("The file could not be uploaded: try again");
          return;
        }
        // The server answers with a redirect to the preview (or back here with the problem); follow it.
        const to = new URL(request.responseURL || props.action, window.location.href);
        navigate(`${to.pathname}${to.search}`);
      },
      onNetworkError: () => setClientError("The file could not be uploaded: check your connection and try again"),
    });
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
      <UploadProgress progress={progress} uploadingText={`Uploading ${fileName ?? "the file"}`} finishingText="Checking the file…" />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={uploading}>
        {props.buttonText}
      </button>
    </form>
  );
}
