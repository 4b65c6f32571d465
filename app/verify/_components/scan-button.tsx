'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { createReader, type TReader } from '../_lib/barcode-reader';

/**
 * The Scan button: reads the DataMatrix or QR code on a pack with the
 * phone's camera, or from a photo, and hands the text over. The camera
 * runs only while the dialog is open.
 */
export function ScanButton({ onCode, className }: { onCode: (code: string) => void; className?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const reader = useRef<TReader | null>(null);
  const [status, setStatus] = useState('');
  const titleId = useId();

  const close = () => {
    reader.current?.stop();
    dialog.current?.close();
  };
  const found = (code: string) => {
    close();
    onCode(code);
  };

  const open = async () => {
    dialog.current?.showModal();
    setStatus('Starting the camera…');
    try {
      reader.current ??= await createReader();
      await reader.current.startCamera(video.current!, found);
      setStatus('Hold the code on the pack inside the frame.');
    } catch (error) {
      setStatus(`The camera is not available (${error instanceof Error ? error.message : 'no permission'}). Take or choose a photo of the code instead.`);
    }
  };

  const readPhoto = async (file: File | undefined) => {
    if (!file) return;
    setStatus('Reading the photo…');
    reader.current ??= await createReader();
    const code = await reader.current.readPhoto(file).catch(() => null);
    if (code) found(code);
    else setStatus('No code found in this photo. Take it closer, in focus and well lit.');
  };

  useEffect(() => () => reader.current?.stop(), []);

  return (
    <>
      <button type="button" onClick={() => void open()} className={className}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={2}>
          <path d="M3 8V5a2 2 0 0 1 2-2h3M16 3h3a2 2 0 0 1 2 2v3M21 16v3a2 2 0 0 1-2 2h-3M8 21H5a2 2 0 0 1-2-2v-3M7 12h10" />
        </svg>
        Scan
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} onClose={() => reader.current?.stop()} className="m-auto w-full max-w-md rounded-xl p-0 backdrop:bg-black/70">
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-xl font-bold">
            Scan the code on the pack
          </h2>
          <video ref={video} muted playsInline className="aspect-square w-full rounded-lg bg-black object-cover" />
          <p role="status" className="text-slate-800">
            {status}
          </p>
          <label className="block">
            <span className="font-medium text-slate-800">Or use a photo of the code</span>
            <input type="file" accept="image/*" capture="environment" onChange={(e) => void readPhoto(e.target.files?.[0])} className="mt-1 block w-full text-base" />
          </label>
          <button type="button" onClick={close} className="min-h-12 w-full rounded-md border border-slate-300 bg-white px-4 py-3 text-base font-semibold text-slate-800 hover:bg-slate-100">
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}

/** The Scan button of a plain HTML form: puts the code into the form's input and submits it. */
export function FormScanButton({ formId, inputId, className }: { formId: string; inputId: string; className?: string }) {
  const submit = (code: string) => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!input || !form) return;
    input.value = code;
    form.requestSubmit();
  };
  return <ScanButton onCode={submit} className={className} />;
}
