import { MediaFetcher } from './media-fetcher';

const fetcher = (hosts?: string) => new MediaFetcher({ OPEN311_MEDIA_HOSTS: hosts } as never);

describe('Open311 media_url allow-list', () => {
  it('allows nothing by default', () => {
    expect(fetcher().allowed('https://oss.example.gov.cn/a.jpg')).toBeNull();
    expect(fetcher('').allowed('http://127.0.0.1/a.jpg')).toBeNull();
  });

  it('allows exactly the listed host and port, over http(s), without credentials', () => {
    const f = fetcher('oss.example.gov.cn, 127.0.0.1:8081');
    expect(f.allowed('https://oss.example.gov.cn/a.jpg')).not.toBeNull();
    expect(f.allowed('https://OSS.example.gov.cn/a.jpg')).not.toBeNull();
    expect(f.allowed('http://127.0.0.1:8081/x.jpg')).not.toBeNull();
    expect(f.allowed('http://127.0.0.1:8082/x.jpg')).toBeNull();
    expect(f.allowed('http://127.0.0.1/x.jpg')).toBeNull();
    expect(f.allowed('https://evil.oss.example.gov.cn/a.jpg')).toBeNull();
    expect(f.allowed('https://oss.example.gov.cn.evil.com/a.jpg')).toBeNull();
    expect(f.allowed('https://user:pw@oss.example.gov.cn/a.jpg')).toBeNull();
    expect(f.allowed('file:///etc/passwd')).toBeNull();
    expect(f.allowed('ftp://oss.example.gov.cn/a.jpg')).toBeNull();
    expect(f.allowed('not a url')).toBeNull();
  });
});
