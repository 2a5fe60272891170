import { useState } from "react";

/**
 * Sends a form's files with XMLHttpRequest, the one browser API that reports upload
 * progress (fetch does not). Progress runs 0-99 while bytes go up: the server counts and
 * checks the file as it streams, so the last percent is its answer.
 */
export function useUploadWithProgress() {
  const [progress, setProgress] = useState<number | null>(null);

  function upload(
    url: string,
    body: FormData,
    handlers: { onLoad: (request: XMLHttpRequest) => void; onNetworkError: () => void; accept?: string },
  ) {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    if (handlers.accept) request.setRequestHeader("Accept", handlers.accept);
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) setProgress(Math.min(99, Math.floor((event.loaded / event.total) * 100)));
    });
    request.addEventListener("load", () => handlers.onLoad(request));
    request.addEventListener("error", () => {
      setProgress(null);
      handlers.onNetworkError();
    });
    setProgress(0);
    request.send(body);
  }

  return { progress, uploading: progress !== null, upload, stop: () => setProgress(null) };
}

/** The progress bar, announced to screen readers as it moves. */
export function UploadProgress(props: { progress: number | null; uploadingText: string; finishingText: string }) {
  const { progress } = props;
  return (
    <div aria-live="polite">
      {progress !== null ? (
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="upload-progress">
            {progress < 99 ? `${props.uploadingText}: ${progress}%` : props.finishingText}
          </label>
          <progress id="upload-progress" className="app-upload-progress" max={100} value={progress}>
            {`${progress}%`}
          </progress>
        </div>
      ) : null}
    </div>
  );
}
