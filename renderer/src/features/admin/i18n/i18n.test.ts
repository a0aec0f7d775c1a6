import { describeTranslations } from '../../../test/describe-translations';
import en from './en.json';
import zhCN from './zh-CN.json';

describeTranslations('admin', en, zhCN);
