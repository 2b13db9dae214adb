import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface Props {
  value: string | undefined;
  placeholder: string;
  className?: string;
  onCommit: (value: string | undefined) => void;
}

/** A search box that commits after a pause in typing (and at once on Enter), so the URL is not rewritten per key. */
export function SearchInput({ value, placeholder, className, onCommit }: Props) {
  const [draft, setDraft] = useState(value ?? '');
  const timer = useRef<number | undefined>(undefined);

  // Follow the URL when it changes from outside (back button, 重置).
  useEffect(() => setDraft(value ?? ''), [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (text: string) => {
    window.clearTimeout(timer.current);
    const trimmed = text.trim();
    if (trimmed !== (value ?? '')) onCommit(trimmed || undefined);
  };

  return (
    <Input.Search
      className={className}
      allowClear
      placeholder={placeholder}
      value={draft}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => commit(text), 500);
      }}
      onSearch={commit}
    />
  );
}
