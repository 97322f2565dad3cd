// Short notices at the bottom of the window, with an optional action such as Undo.

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
  tone: 'info' | 'error';
}

const VISIBLE_MS = 6000;

class Toasts {
  items = $state<Toast[]>([]);
  private nextId = 1;

  show(message: string, options: { action?: Toast['action']; tone?: Toast['tone'] } = {}): void {
    const toast: Toast = { id: this.nextId++, message, tone: options.tone ?? 'info', action: options.action };
    this.items = [...this.items.slice(-2), toast];
    setTimeout(() => this.dismiss(toast.id), VISIBLE_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
