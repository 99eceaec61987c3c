import { foldName, nameKeyOf, searchTextOf } from './city-names';

describe(foldName.name, () => {
  it.each([
    ['Hà Nội', 'ha noi'],
    ['  HA   NOI ', 'ha noi'],
    ['Ha-Noi', 'ha noi'],
    ['Đà Nẵng', 'da nang'],
    ['Thành phố Hồ Chí Minh', 'thanh pho ho chi minh'],
    ['İstanbul', 'istanbul'],
    ['Łódź', 'lodz'],
  ])('folds %j to %j', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it.each(['تهران', 'मुंबई', '서울특별시', '東京都', 'กรุงเทพมหานคร'])(
    'leaves %s, in its own script, intact',
    (name) => {
      expect(foldName(name)).toBe(name.normalize('NFC'));
    },
  );
});

describe('name keys and search text', () => {
  it('gives spellings of one name one key', () => {
    expect(nameKeyOf('Tehrán')).toBe(nameKeyOf('tehran'));
  });

  it('holds every distinct name once', () => {
    expect(searchTextOf({ name: 'Tehran', englishName: 'Tehran', localName: 'تهران' })).toBe('tehran تهران');
    expect(searchTextOf({ name: 'Ha Noi', englishName: null, localName: 'Hà Nội' })).toBe('ha noi');
  });
});
