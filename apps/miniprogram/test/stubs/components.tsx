/**
 * Plain-DOM stand-ins for @tarojs/components, with Taro's event shapes
 * (`e.detail.value`) so page code runs unchanged.
 */
import type { ReactNode } from 'react';

interface Base {
  id?: string;
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
  [data: `data-${string}`]: string | undefined;
}

type TaroInputEvent = { detail: { value: string } };

export function View({ children, ...rest }: Base) {
  return <div {...rest}>{children}</div>;
}

export function Text({ id, className, children, onClick }: Base & { userSelect?: boolean }) {
  return (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  );
}

export function Button({
  id,
  className,
  children,
  onClick,
  disabled,
}: Base & { disabled?: boolean; loading?: boolean }) {
  return (
    <button id={id} className={className} disabled={disabled} onClick={onClick} type='button'>
      {children}
    </button>
  );
}

interface FieldProps {
  id?: string;
  className?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  type?: string;
  onInput?: (e: TaroInputEvent) => void;
}

export function Input({ id, className, value, placeholder, maxlength, onInput }: FieldProps) {
  return (
    <input
      id={id}
      className={className}
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

export function Textarea({ id, className, value, placeholder, maxlength, onInput }: FieldProps) {
  return (
    <textarea
      id={id}
      className={className}
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

export function Switch({
  id,
  checked,
  onChange,
}: {
  id?: string;
  checked?: boolean;
  color?: string;
  onChange?: (e: { detail: { value: boolean } }) => void;
}) {
  return (
    <input
      id={id}
      type='checkbox'
      role='switch'
      checked={!!checked}
      onChange={(e) => onChange?.({ detail: { value: e.target.checked } })}
    />
  );
}

export function Image({ id, className, src, onClick }: Base & { src: string; mode?: string }) {
  return <img id={id} className={className} src={src} alt='' onClick={onClick} />;
}
