import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Notify = (message: string) => void;
const ToastContext = createContext<Notify>(() => {});

/** A quiet, self-dismissing status line at the bottom of the window. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const notify = useCallback<Notify>((text) => {
    window.clearTimeout(timer.current);
    setMessage({ text, key: Date.now() });
    timer.current = window.setTimeout(() => setMessage(null), 4000);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {message && (
          <div className="toast" key={message.key}>
            {message.text}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = (): Notify => useContext(ToastContext);

/** Shows a failed call's message. */
export function useFailureToast(): (error: unknown) => void {
  const notify = useToast();
  return useCallback((error: unknown) => notify((error as Error).message), [notify]);
}
