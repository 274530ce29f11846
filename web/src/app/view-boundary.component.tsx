import { Component, type ReactNode } from 'react';

interface Props {
  fallback: (message: string) => ReactNode;
  children: ReactNode;
}

/** One view failing (a bug, a chunk that did not load) leaves the shell and the other views working. */
export class ViewBoundary extends Component<Props, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override render() {
    return this.state.error === null ? this.props.children : this.props.fallback(this.state.error);
  }
}
