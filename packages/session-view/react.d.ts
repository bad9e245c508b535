// Types of @session-view/js/react.
import type { MountOptions, SessionViewEventDetail, SessionViewHandle } from "./index.js";

export interface SessionViewProps extends MountOptions {
  /** The view's origin, e.g. "https://pay.example". */
  origin: string;
  /** A release prefix on that origin, e.g. "/v1". */
  path?: string;
  className?: string;
  style?: Record<string, string | number>;
  /** A ref (`useRef(null)`) that holds the mounted view's handle, e.g. for `submit()` or `settle()`; null when none. */
  handleRef?: { current: SessionViewHandle | null };
  onReady?: (detail: SessionViewEventDetail) => void;
  onChange?: (detail: SessionViewEventDetail) => void;
  onCompleted?: (detail: SessionViewEventDetail) => void;
  onExpired?: (detail: SessionViewEventDetail) => void;
  onError?: (detail: SessionViewEventDetail & { message?: string }) => void;
  onConfirm?: (detail: SessionViewEventDetail) => void;
  onPaymentFailed?: (detail: SessionViewEventDetail) => void;
  onValidity?: (detail: SessionViewEventDetail) => void;
}

/** The view in a React tree: one frame per element, StrictMode-safe; a new `config`, `appearance` or `locale` is shown in place. */
export function SessionView(props: SessionViewProps): unknown;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "hosted-session-view": { "session-id"?: string; "api-base"?: string; locale?: string; "poll-interval"?: string | number; "parent-origin"?: string; "handle-confirm"?: boolean | ""; "hide-pay-button"?: boolean | ""; className?: string; id?: string };
    }
  }
}
