// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundle view FXMLLoader reads: it knows exactly the keys the bundles hold and words them as {@link Texts#get}. */
class TextsBundleViewTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void knowsEveryKeyOfEveryBundleAndNoOther(Language language) {
        Texts texts = new Texts(language);
        Set<String> expected = new HashSet<>();
        for (String name : Texts.BUNDLES) {
            expected.addAll(ResourceBundle.getBundle(name, language.locale(), Texts.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).keySet());
        }
        ResourceBundle view = texts.asBundle();

        assertThat(view.keySet()).isEqualTo(expected);
        for (String key : expected) {
            assertThat(view.containsKey(key)).as(key).isTrue();
            assertThat(view.getString(key)).as(key).isEqualTo(texts.get(key));
        }
        assertThat(view.containsKey("no.such.key")).isFalse();
        assertThatThrownBy(() -> view.getString("no.such.key")).isInstanceOf(MissingResourceException.class);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aFaceViewWordsKeysAsThatFace(Language language) {
        Texts cli = new Texts(language).forFace(".cli");
        ResourceBundle view = cli.asBundle();
        for (String key : view.keySet()) {
            assertThat(view.getString(key)).as(key).isEqualTo(cli.get(key));
        }
    }
}
