import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

export interface PageContainerProps {
  loading?: boolean;
  /** A message to show instead of the content, with a retry button. */
  error?: string | null;
  onRetry?: () => void;
  empty?: boolean;
  emptyText?: string;
  /** Shown under the empty text, e.g. a button to start. */
  emptyAction?: ReactNode;
  children?: ReactNode;
}

/** Owns the loading, empty and error + retry states of a page or a section. */
export function PageContainer({ loading, error, onRetry, empty, emptyText, emptyAction, children }: PageContainerProps) {
  if (loading) {
    return (
      <View className='pc-state' id='page-loading'>
        <Text className='pc-state-text'>正在加载…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className='pc-state' id='page-error'>
        <Text className='pc-state-text'>{error}</Text>
        {onRetry ? (
          <Button className='btn btn-secondary pc-retry' id='page-retry' onClick={onRetry}>
            重新加载
          </Button>
        ) : null}
      </View>
    );
  }
  if (empty) {
    return (
      <View className='pc-state' id='page-empty'>
        <Text className='pc-state-text'>{emptyText || '暂无内容'}</Text>
        {emptyAction}
      </View>
    );
  }
  return <>{children}</>;
}
