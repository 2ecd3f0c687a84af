import { useState, type DragEvent } from 'react';

/** Drag-and-drop of one file onto an element: whether a file is over it, and the handlers to spread on it. */
export function useFileDrop(onFile: (file: File) => void) {
  const [dragging, setDragging] = useState(false);
  const handlers = {
    onDragOver(e: DragEvent) {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave(e: DragEvent) {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop(e: DragEvent) {
      const file = e.dataTransfer.files[0];
      if (!file) return;
      e.preventDefault();
      setDragging(false);
      onFile(file);
    },
  };
  return { dragging, handlers };
}
