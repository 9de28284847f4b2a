import { Text } from '@tarojs/components';

/** The reason under a form field, or nothing. */
export function FieldError({ message, id }: { message?: string | null; id?: string }) {
  if (!message) return null;
  return (
    <Text className='error-text' id={id}>
      {message}
    </Text>
  );
}
