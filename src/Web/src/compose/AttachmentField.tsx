import { useId } from "react";
import { formatSize } from "../ui/formatSize";

/** Files to send; each can be taken out again. The input itself is emptied after each choice, so a file can be added twice. */
export function AttachmentField({ files, onChange, problem }: { files: File[]; onChange: (files: File[]) => void; problem?: string }) {
  const problemId = useId();
  return (
    <div className="field attachments">
      <label className="field">
        <span>Attachments</span>
        <input
          type="file"
          multiple
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => {
            const chosen = Array.from(event.target.files ?? []);
            event.target.value = "";
            if (chosen.length > 0) onChange([...files, ...chosen]);
          }}
        />
      </label>
      {files.length > 0 && (
        <ul className="chosen-files">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <span>{file.name}</span> <span className="muted">{formatSize(file.size)}</span>
              <button type="button" className="button subtle small" aria-label={`Remove ${file.name}`}
                onClick={() => onChange(files.filter((_, i) => i !== index))}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      {problem && <p className="inline-error" id={problemId}>{problem}</p>}
    </div>
  );
}

/** The file's bytes as base64, as ComposeRequest carries attachments. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
