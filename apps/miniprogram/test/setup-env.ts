// What Taro's build would inline: the tests exercise the H5 flavour.
process.env.TARO_ENV = 'h5';
